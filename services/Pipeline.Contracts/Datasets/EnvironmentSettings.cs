using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

/// <summary>What differs between environments: short buffers locally, AWS's usual sizes in the cloud.</summary>
public sealed record EnvironmentSettings
{
    [JsonPropertyName("buffer_size_mib")]
    public int BufferSizeMib { get; set; } = 5;

    [JsonPropertyName("buffer_interval_seconds")]
    public int BufferIntervalSeconds { get; set; } = 300;

    [JsonPropertyName("processor_buffer_size_mib")]
    public double ProcessorBufferSizeMib { get; set; } = 1;

    [JsonPropertyName("processor_buffer_interval_seconds")]
    public int ProcessorBufferIntervalSeconds { get; set; } = 60;

    public string Compression { get; set; } = "GZIP";
}
