using System.Text.Json;
using Pipeline.Contracts.Events.Clickstream;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>Where visitors are (the record's <see cref="GeoInfo"/>), with its text encoded once for the writer.</summary>
internal sealed record ShopPlace(string Country, string City)
{
    public JsonEncodedText CountryJson { get; } = RecordJson.Encode(Country);

    public JsonEncodedText CityJson { get; } = RecordJson.Encode(City);
}
