namespace Pipeline.LambdaRuntime;

/// <summary>
/// The event could not be read as the handler's request type (or the response could not be written); reported as
/// <see cref="LambdaErrorTypes.SerializationError"/> instead of under its own type name.
/// </summary>
public sealed class LambdaSerializationException : Exception
{
    /// <summary>A serialization failure; <paramref name="innerException"/> is the serializer's own.</summary>
    public LambdaSerializationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
