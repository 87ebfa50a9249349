namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record Row(IReadOnlyList<Datum> Data);
