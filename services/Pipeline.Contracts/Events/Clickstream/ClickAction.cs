using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Events.Clickstream;

/// <summary>What a user did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClickAction>))]
public enum ClickAction
{
    [JsonStringEnumMemberName("view")]
    View,

    [JsonStringEnumMemberName("click")]
    Click,

    [JsonStringEnumMemberName("search")]
    Search,

    [JsonStringEnumMemberName("add_to_cart")]
    AddToCart,

    [JsonStringEnumMemberName("remove_from_cart")]
    RemoveFromCart,

    [JsonStringEnumMemberName("checkout")]
    Checkout,

    [JsonStringEnumMemberName("purchase")]
    Purchase,
}
