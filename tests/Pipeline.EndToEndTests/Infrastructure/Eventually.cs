namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>Polls until a condition holds: the flow is asynchronous from end to end, as in AWS.</summary>
internal static class Eventually
{
    /// <returns>The last value <paramref name="probe"/> gave, whether or not it satisfied <paramref name="done"/> in time.</returns>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }

            await Task.Delay(interval ?? TimeSpan.FromSeconds(2));
        }
    }
}
