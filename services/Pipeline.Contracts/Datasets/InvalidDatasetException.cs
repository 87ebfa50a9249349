namespace Pipeline.Contracts.Datasets;

/// <summary>A dataset description that cannot be used: a bad type, pattern or partition key.</summary>
public sealed class InvalidDatasetException : Exception
{
    public InvalidDatasetException(string message)
        : base(message)
    {
    }

    public InvalidDatasetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
