using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>What every service's <c>AddLocal*</c> does: its engine as one singleton, served under its interfaces, and its endpoint.</summary>
public static class ServiceRegistration
{
    /// <summary>
    /// Registers the engine built by <paramref name="engine"/> (or by its constructor when null) as one singleton, the
    /// same instance resolved as each of <paramref name="servedAs"/> (its in-process interfaces, and
    /// <c>IHostedService</c> when its loops run with LocalCloud), and <typeparamref name="TEndpoint"/> as an endpoint.
    /// </summary>
    public static IServiceCollection AddAwsService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TEngine, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TEndpoint>(
        this IServiceCollection services,
        Func<IServiceProvider, TEngine>? engine,
        params Type[] servedAs)
        where TEngine : class
        where TEndpoint : class, IAwsServiceEndpoint
    {
        if (engine is null)
        {
            services.AddSingleton<TEngine>();
        }
        else
        {
            services.AddSingleton(engine);
        }

        foreach (var type in servedAs)
        {
            services.AddSingleton(type, sp => sp.GetRequiredService<TEngine>());
        }

        services.AddSingleton<IAwsServiceEndpoint, TEndpoint>();
        return services;
    }

    /// <summary>
    /// Another service, resolved only when first needed: services register on their own, and one must keep answering
    /// in a LocalCloud built without the other, failing only the calls that need it with AWS's error.
    /// </summary>
    public static Func<T> Later<T>(this IServiceProvider provider, string code, string message, int statusCode = 400)
        where T : class =>
        () => provider.GetService<T>() ?? throw new AwsServiceException(code, message, statusCode);
}
