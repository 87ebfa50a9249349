using System.Text.Json;

namespace Pipeline.EndToEndTests.Infrastructure;

internal sealed record GeneratorResult(int ExitCode, JsonElement Report, string Output);
