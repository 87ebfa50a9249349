namespace Pipeline.Generator.Data.Schema;

/// <summary>How the schema-driven generator makes a field's value, decided once per field from its definition.</summary>
internal enum ValueStrategy
{
    EventTime,
    Timestamp,
    Integer,
    Number,
    Boolean,
    Choice,
    Pattern,
    Constant,
    Uuid,
    Email,
    Url,
    PersonName,
    City,
    Words,
    Object,
    Array,
}
