using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Generator.Data.Json;

namespace Pipeline.UnitTests.Generator;

/// <summary>
/// A number rounded to a few places is written by the generator's own formatter with exactly the bytes
/// <see cref="Utf8JsonWriter"/> writes for it; anything the formatter does not handle goes to the writer.
/// </summary>
public sealed class RoundedNumbersAreWrittenAsTheJsonWriterWritesThemTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("v");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Rounded_values_of_every_magnitude_have_the_writers_text(int places)
    {
        var random = new Random(places);
        for (var i = 0; i < 50_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-4, 15));
            var value = Math.Round((random.NextDouble() * 2 - 1) * magnitude, places);
            Assert.Equal(WriterText(value), RoundedText(value, places));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void Values_that_are_not_rounded_to_the_places_have_the_writers_text(int places)
    {
        var random = new Random(100 + places);
        for (var i = 0; i < 20_000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 20));
            Assert.Equal(WriterText(value), RoundedText(value, places));
        }
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(-0.0, 2)]
    [InlineData(-0.04, 1)]
    [InlineData(359.90000000000003, 1)]
    [InlineData(0.001, 6)]
    [InlineData(0.0001, 6)]
    [InlineData(0.00001, 6)]
    [InlineData(0.000001, 6)]
    [InlineData(-0.000001, 6)]
    [InlineData(0.5, 1)]
    [InlineData(100.0, 2)]
    [InlineData(99999999999999.0, 0)]
    [InlineData(100000000000000.0, 0)]
    [InlineData(1e15, 0)]
    [InlineData(123456789.123456, 6)]
    [InlineData(59.187819, 6)]
    [InlineData(-118.2437, 6)]
    [InlineData(double.MaxValue, 2)]
    [InlineData(double.Epsilon, 2)]
    public void Edge_values_have_the_writers_text(double value, int places)
    {
        Assert.Equal(WriterText(value), RoundedText(value, places));
    }

    [Fact]
    public void Values_rounded_to_their_places_do_not_need_the_writers_general_path()
    {
        var random = new Random(7);
        Span<byte> text = stackalloc byte[RoundedNumber.MaxLength];
        for (var i = 0; i < 10_000; i++)
        {
            var places = random.Next(0, RoundedNumber.MaxPlaces + 1);
            var value = Math.Round((random.NextDouble() + 0.001) * Math.Pow(10, random.Next(0, 9)), places);
            Assert.True(RoundedNumber.TryFormat(value, places, text, out _), $"{value:R} to {places} places");
        }
    }

    private static string WriterText(double value) => Written(writer => writer.WriteNumber(Name, value));

    private static string RoundedText(double value, int places) => Written(writer => writer.WriteRounded(Name, value, places));

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, RecordJson.WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
