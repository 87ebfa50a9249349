namespace Pipeline.Generator.Reporting;

/// <summary>How many deliberately malformed records of each kind a run produced.</summary>
public sealed record MalformedCounts(
    long InvalidJson,
    long WrongType,
    long MissingRequiredField,
    long OutOfRange,
    long NotInEnum,
    long PatternMismatch)
{
    public long Total => InvalidJson + WrongType + MissingRequiredField + OutOfRange + NotInEnum + PatternMismatch;
}
