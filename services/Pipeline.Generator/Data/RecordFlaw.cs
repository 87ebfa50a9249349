namespace Pipeline.Generator.Data;

/// <summary>What is deliberately wrong with a generated record; <see cref="None"/> for a valid one.</summary>
public enum RecordFlaw
{
    None,

    /// <summary>Not parseable as JSON (a truncated object).</summary>
    InvalidJson,

    /// <summary>A field holds a value of the wrong JSON type (a string where a number belongs, and so on).</summary>
    WrongType,

    /// <summary>A required field is absent.</summary>
    MissingRequiredField,

    /// <summary>A number outside the field's min/max.</summary>
    OutOfRange,

    /// <summary>A string that is not one of the field's enum values.</summary>
    NotInEnum,

    /// <summary>A string that does not match the field's pattern.</summary>
    PatternMismatch,
}
