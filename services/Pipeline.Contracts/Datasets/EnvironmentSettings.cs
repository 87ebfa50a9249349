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

    /// <summary>The raw-objects queue's visibility timeout: how long a failed batch item waits before redelivery.</summary>
    [JsonPropertyName("queue_visibility_timeout_seconds")]
    public int QueueVisibilityTimeoutSeconds { get; set; } = 360;

    /// <summary>Receives before a raw-object notification moves to the dead-letter queue.</summary>
    [JsonPropertyName("queue_max_receive_count")]
    public int QueueMaxReceiveCount { get; set; } = 10;

    [JsonPropertyName("crawler_trigger_batch_size")]
    public int CrawlerTriggerBatchSize { get; set; } = 100;

    [JsonPropertyName("crawler_trigger_batching_window_seconds")]
    public int CrawlerTriggerBatchingWindowSeconds { get; set; } = 30;
}
