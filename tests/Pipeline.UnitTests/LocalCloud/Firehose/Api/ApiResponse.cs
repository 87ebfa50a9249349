using System.Text.Json;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Api;

internal sealed record ApiResponse(int Status, string? ContentType, JsonElement Body)
{
    public string? ErrorType => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("__type", out var type) ? type.GetString() : null;

    public string? Message => Body.TryGetProperty("message", out var message) ? message.GetString() : null;
}
