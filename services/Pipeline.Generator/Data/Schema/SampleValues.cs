namespace Pipeline.Generator.Data.Schema;

/// <summary>Plausible building blocks for strings the schema alone says little about.</summary>
internal static class SampleValues
{
    public static readonly IReadOnlyList<string> Words =
    [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "harbor", "meadow", "river", "summit", "canyon",
        "forest", "island", "valley", "glacier", "prairie", "lagoon", "desert", "orchard", "harvest", "signal",
        "vector", "matrix", "beacon", "anchor", "comet", "nebula", "quartz", "cobalt", "amber", "crimson", "indigo",
    ];

    public static readonly IReadOnlyList<string> FirstNames =
    [
        "Alice", "Bruno", "Chiara", "Dmitri", "Elin", "Farah", "Goran", "Hana", "Ibrahim", "Jonas", "Kenji", "Lena",
        "Mateo", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tomás", "Yuki",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Andersson", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen", "Patel", "Rossi", "Schmidt", "Tanaka", "Weber",
    ];

    public static readonly IReadOnlyList<string> Cities =
    [
        "Amsterdam", "Berlin", "Chicago", "Dublin", "Gothenburg", "Lisbon", "London", "Madrid", "Milan", "Munich",
        "Oslo", "Paris", "Prague", "Seattle", "Stockholm", "Sydney", "Tokyo", "Toronto", "Vienna", "Warsaw",
    ];

    /// <summary>Values of common formats, tried in turn when a pattern is beyond the generator.</summary>
    public static readonly IReadOnlyList<string> Fallbacks =
    [
        "00000000-0000-4000-8000-000000000000", "a", "A", "0", "1", "x", "ab", "AB", "00", "abc", "ABC", "123", "ABC123",
        "abc123", "2026-01-01", "2026-01-01T00:00:00Z", "user@example.com", "https://example.com/", "example",
        "Example", "EXAMPLE", "true", "ok", "OK",
    ];
}
