namespace Pipeline.Contracts.Datasets;

/// <summary>The value types a dataset field can hold.</summary>
public enum FieldType
{
    String,
    Int,
    Long,
    Double,
    Boolean,
    Timestamp,
    Struct,
    Array,
}
