namespace Pipeline.AwsShapes;

/// <summary>The <c>{}</c> a JSON-protocol operation without an output shape answers (EventBridge's DeleteRule).</summary>
public sealed record EmptyOutput;
