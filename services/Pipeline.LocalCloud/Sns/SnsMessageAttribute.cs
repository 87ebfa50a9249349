namespace Pipeline.LocalCloud.Sns;

/// <summary>A message attribute as the SNS event envelope writes it.</summary>
public sealed record SnsMessageAttribute(string Type, string Value);
