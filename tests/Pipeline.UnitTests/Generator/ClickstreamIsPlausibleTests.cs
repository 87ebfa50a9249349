using System.Text.Json;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>
/// Shop visits walk pages in a believable order: purchases only after a checkout with something in the cart, values
/// only on cart additions and purchases, the same device and place for a whole visit, referrers that are the
/// previous page.
/// </summary>
public sealed class ClickstreamIsPlausibleTests
{
    private static readonly List<JsonElement> Events = GeneratedRecords.Parse(GeneratedRecords.Take("clickstream", 15_000, seed: 21));

    private static readonly List<List<JsonElement>> Sessions =
        [.. Events.GroupBy(e => e.GetProperty("session_id").GetString()).Select(g => g.ToList())];

    [Fact]
    public void Every_event_meets_the_schema()
    {
        var dataset = GeneratedRecords.Dataset("clickstream");
        var records = GeneratedRecords.Take("clickstream", 3_000, seed: 22);

        Assert.All(records, r => Assert.Empty(RecordChecker.Problems(r, dataset)));
    }

    [Fact]
    public void Purchases_come_only_after_a_checkout_with_something_added_to_the_cart()
    {
        var purchases = 0;
        foreach (var session in Sessions)
        {
            var actions = session.Select(Action).ToList();
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i] == "checkout")
                {
                    Assert.Contains("add_to_cart", actions.Take(i));
                }

                if (actions[i] == "purchase")
                {
                    purchases++;
                    Assert.Contains("checkout", actions.Take(i));
                    Assert.Contains("add_to_cart", actions.Take(i));
                    Assert.Equal(i, actions.Count - 1);
                }
            }
        }

        Assert.True(purchases > 20, $"only {purchases} purchases");
    }

    [Fact]
    public void Only_cart_additions_and_purchases_carry_a_value()
    {
        Assert.All(Events, e =>
        {
            var hasValue = e.TryGetProperty("value", out var value);
            Assert.Equal(Action(e) is "add_to_cart" or "purchase", hasValue);
            if (hasValue)
            {
                Assert.True(value.GetDouble() > 0);
            }
        });
    }

    [Fact]
    public void A_visit_keeps_its_user_device_and_place()
    {
        foreach (var session in Sessions)
        {
            Assert.Single(session.Select(e => e.TryGetProperty("user_id", out var u) ? u.GetString() : null).Distinct());
            Assert.Single(session.Select(e => e.GetProperty("device").GetRawText()).Distinct());
            Assert.Single(session.Select(e => e.GetProperty("geo").GetRawText()).Distinct());
        }

        var anonymous = Sessions.Count(s => !s[0].TryGetProperty("user_id", out _)) / (double)Sessions.Count;
        Assert.InRange(anonymous, 0.2, 0.5);
    }

    [Fact]
    public void A_page_s_referrer_is_the_page_before_it()
    {
        var backNavigations = 0;
        foreach (var session in Sessions)
        {
            var visited = new HashSet<string>();
            for (var i = 1; i < session.Count; i++)
            {
                var (previous, current) = (session[i - 1], session[i]);
                var samePage = Url(current) == Url(previous) && Referrer(current) == Referrer(previous);
                Assert.True(samePage || Referrer(current) == Url(previous), $"{Url(current)} has referrer {Referrer(current)} after {Url(previous)}");
                visited.Add(Url(previous));
                if (!samePage && visited.Contains(Url(current)))
                {
                    backNavigations++;
                }
            }
        }

        Assert.True(backNavigations > 0);
    }

    [Fact]
    public void Visits_land_from_outside_and_mostly_leave_without_buying()
    {
        Assert.All(Sessions, s => Assert.DoesNotContain("shop.example.com", Referrer(s[0]) ?? ""));
        var buying = Sessions.Count(s => s.Any(e => Action(e) == "purchase"));
        var abandoned = Sessions.Count(s => s.Any(e => Action(e) == "add_to_cart") && s.All(e => Action(e) != "purchase"));
        Assert.True(buying < Sessions.Count / 4);
        Assert.True(abandoned > 0);
        Assert.Contains(Events, e => Action(e) == "search");
        Assert.Contains(Events, e => Action(e) == "remove_from_cart");
    }

    private static string Action(JsonElement e) => e.GetProperty("action").GetString()!;

    private static string Url(JsonElement e) => e.GetProperty("page").GetProperty("url").GetString()!;

    private static string? Referrer(JsonElement e) => e.GetProperty("page").TryGetProperty("referrer", out var r) ? r.GetString() : null;
}
