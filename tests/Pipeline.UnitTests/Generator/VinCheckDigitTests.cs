using Pipeline.Generator.Data.Vehicles;

namespace Pipeline.UnitTests.Generator;

/// <summary>A VIN is valid only with the check digit its other characters call for.</summary>
public sealed class VinCheckDigitTests
{
    [Theory]
    [InlineData("1M8GDM9AXKP042788", true)]
    [InlineData("1M8GDM9A1KP042788", false)]
    [InlineData("11111111111111111", true)]
    [InlineData("1M8GDM9AXKP04278", false)]
    [InlineData("1M8GDM9AXKP04278O", false)]
    public void A_vin_is_valid_only_with_its_check_digit(string vin, bool valid)
    {
        Assert.Equal(valid, Vin.IsValid(vin));
    }
}
