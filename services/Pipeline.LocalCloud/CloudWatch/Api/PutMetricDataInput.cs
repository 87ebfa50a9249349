using System.Text.Json;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>PutMetricData request; <c>EntityMetricData</c> is refused (not served locally).</summary>
internal sealed record PutMetricDataInput(string? Namespace, List<MetricDatumEntry>? MetricData, JsonElement? EntityMetricData, bool? StrictEntityValidation);
