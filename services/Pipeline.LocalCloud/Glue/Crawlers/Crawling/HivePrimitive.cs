namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A scalar type: <c>string</c>, <c>int</c>, <c>bigint</c>, <c>double</c>, <c>boolean</c>, <c>timestamp</c>, <c>decimal(10,2)</c>, …</summary>
internal sealed record HivePrimitive(string Name) : HiveType
{
    public static HivePrimitive String { get; } = new("string");

    public static HivePrimitive Int { get; } = new("int");

    public static HivePrimitive BigInt { get; } = new("bigint");

    public static HivePrimitive Double { get; } = new("double");

    public static HivePrimitive Boolean { get; } = new("boolean");

    public static HivePrimitive Timestamp { get; } = new("timestamp");

    public override string ToString() => Name;
}
