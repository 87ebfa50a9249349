namespace Pipeline.Generator.Data.Vehicles;

/// <summary>Great-circle maths on a spherical Earth: good to well under a metre over the few hundred metres between readings.</summary>
public static class GeoMath
{
    public const double EarthRadiusM = 6_371_008.8;

    /// <summary>Where one ends up after <paramref name="distanceM"/> metres from a point on an initial bearing.</summary>
    public static (double Latitude, double Longitude) Destination(double latitude, double longitude, double bearingDeg, double distanceM)
    {
        var phi1 = ToRadians(latitude);
        var lambda1 = ToRadians(longitude);
        var theta = ToRadians(bearingDeg);
        var delta = distanceM / EarthRadiusM;

        // Each sine and cosine once (they were the simulation's largest cost); the products are the same, in the same
        // order, so the results are bit for bit what the textbook form gives.
        var sinPhi1 = Math.Sin(phi1);
        var cosPhi1 = Math.Cos(phi1);
        var sinDelta = Math.Sin(delta);
        var cosDelta = Math.Cos(delta);
        var phi2 = Math.Asin(sinPhi1 * cosDelta + cosPhi1 * sinDelta * Math.Cos(theta));
        var lambda2 = lambda1 + Math.Atan2(Math.Sin(theta) * sinDelta * cosPhi1, cosDelta - sinPhi1 * Math.Sin(phi2));
        var lon = ToDegrees(lambda2);
        lon = ((lon + 540) % 360) - 180;
        return (ToDegrees(phi2), lon);
    }

    /// <summary>Haversine distance in metres.</summary>
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        var dPhi = ToRadians(lat2 - lat1);
        var dLambda = ToRadians(lon2 - lon1);
        var sinHalfDPhi = Math.Sin(dPhi / 2);
        var sinHalfDLambda = Math.Sin(dLambda / 2);
        var a = sinHalfDPhi * sinHalfDPhi
            + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * sinHalfDLambda * sinHalfDLambda;
        return 2 * EarthRadiusM * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }

    /// <summary>Initial bearing from the first point to the second, in degrees clockwise from north, in [0, 360).</summary>
    public static double BearingDeg(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dLambda = ToRadians(lon2 - lon1);
        var cosPhi2 = Math.Cos(phi2);
        var y = Math.Sin(dLambda) * cosPhi2;
        var x = Math.Cos(phi1) * Math.Sin(phi2) - Math.Sin(phi1) * cosPhi2 * Math.Cos(dLambda);
        return NormaliseBearing(ToDegrees(Math.Atan2(y, x)));
    }

    /// <summary>Smallest angle between two bearings, in [0, 180].</summary>
    public static double AngleBetween(double a, double b)
    {
        var d = Math.Abs(NormaliseBearing(a) - NormaliseBearing(b));
        return d > 180 ? 360 - d : d;
    }

    public static double NormaliseBearing(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
