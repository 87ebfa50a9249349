namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record ProcessorParameter
{
    public string? ParameterName { get; init; }

    public string? ParameterValue { get; init; }
}
