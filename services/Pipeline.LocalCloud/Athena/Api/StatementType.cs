using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Athena.Api;

[JsonConverter(typeof(JsonStringEnumConverter<StatementType>))]
internal enum StatementType
{
    [JsonStringEnumMemberName("DDL")]
    Ddl,

    [JsonStringEnumMemberName("DML")]
    Dml,

    [JsonStringEnumMemberName("UTILITY")]
    Utility,
}
