namespace Pipeline.AppHost.Athena;

/// <summary>Athena ran the query and it failed or was cancelled; the message is Athena's reason.</summary>
public sealed class AthenaQueryFailedException(string message) : Exception(message);
