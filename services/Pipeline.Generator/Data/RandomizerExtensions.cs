using Bogus;

namespace Pipeline.Generator.Data;

/// <summary>The few draws the generators need beyond Bogus's own, all from the seeded <see cref="Randomizer"/>.</summary>
public static class RandomizerExtensions
{
    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public static bool Chance(this Randomizer random, double probability) => random.Double() < probability;

    /// <summary>A standard normal draw (Box–Muller), for noise that is usually small and occasionally not.</summary>
    public static double Gaussian(this Randomizer random, double mean = 0, double standardDeviation = 1)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// A version-4 UUID in lower-case 8-4-4-4-12 form drawn from the seeded generator, so a seeded run repeats its ids
    /// (<see cref="Guid.NewGuid"/> would not).
    /// </summary>
    public static string UuidV4(this Randomizer random) => random.NextUuidV4().ToString("D");

    /// <summary>The UUID <see cref="UuidV4"/> writes, as a <see cref="Guid"/> (to format without a string).</summary>
    public static Guid NextUuidV4(this Randomizer random)
    {
        var bytes = random.Bytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Picks an item with probability proportional to its weight.</summary>
    public static T Weighted<T>(this Randomizer random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = 0.0;
        foreach (var item in items)
        {
            total += weight(item);
        }

        var pick = random.Double() * total;
        foreach (var item in items)
        {
            pick -= weight(item);
            if (pick < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>A uniformly chosen item.</summary>
    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items) => items[random.Number(0, items.Count - 1)];
}
