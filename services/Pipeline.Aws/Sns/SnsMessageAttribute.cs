namespace Pipeline.Aws.Sns;

/// <summary>A message attribute: <c>String</c>, <c>String.Array</c> or <c>Number</c> with its string value.</summary>
/// <param name="DataType">The data type.</param>
/// <param name="StringValue">The value.</param>
public sealed record SnsMessageAttribute(string DataType, string StringValue)
{
    /// <summary>A <c>String</c> attribute.</summary>
    public static SnsMessageAttribute String(string value) => new("String", value);
}
