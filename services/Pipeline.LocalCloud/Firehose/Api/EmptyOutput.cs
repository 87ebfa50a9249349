namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>The <c>{}</c> of operations without output members (DeleteDeliveryStream).</summary>
internal sealed record EmptyOutput;
