using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Pipeline.AppHost.Generators;

public static class GeneratorExtensions
{
    /// <summary>The generator's control endpoint (pause, resume, bursts), served on loopback.</summary>
    public const string ControlEndpoint = "control";

    /// <summary>The variable the generator reads its control port from.</summary>
    public const string ControlPortVariable = "PIPELINE_GENERATOR_CONTROL_PORT";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// A generator sending <paramref name="dataset"/>'s records to <paramref name="stream"/> at <paramref name="rate"/>
    /// records/s until the app host stops, with commands to send a burst and to pause and resume. With a rate of 0 it
    /// starts paused: bursts only, until resumed (then at <paramref name="idleRate"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGenerator(this IDistributedApplicationBuilder builder, string name, string dataset, string stream, double rate, double idleRate)
    {
        var generator = builder.AddProject<Projects.Pipeline_Generator>(name)
            .WithArgs(
                "--dataset", dataset,
                "--stream", stream,
                "--rate", (rate > 0 ? rate : idleRate).ToString(CultureInfo.InvariantCulture),
                "--duration", "8760h")
            .WithHttpEndpoint(name: ControlEndpoint, env: ControlPortVariable)
            .WithHttpHealthCheck("/health", endpointName: ControlEndpoint);
        var control = generator.GetEndpoint(ControlEndpoint);
        generator
            .WithCommand(
                "burst",
                "Send burst",
                context => PostAsync(control, "/burst?records=" + BurstSize(context).ToString(CultureInfo.InvariantCulture), context.CancellationToken),
                new CommandOptions
                {
                    IconName = "Flash",
                    Description = "Sends N records at once, on top of the steady rate.",
                    UpdateState = WhenRunning,
                    Arguments =
                    [
                        new InteractionInput { Name = "records", Label = "Records", InputType = InputType.Number, Value = "1000", Required = false },
                    ],
                })
            .WithCommand(
                "pause",
                "Pause",
                context => PostAsync(control, "/pause", context.CancellationToken),
                new CommandOptions { IconName = "Pause", Description = "Stops sending until resumed; the schedule does not make up the pause.", UpdateState = WhenRunning })
            .WithCommand(
                "resume",
                "Resume",
                context => PostAsync(control, "/resume", context.CancellationToken),
                new CommandOptions { IconName = "Play", Description = "Sends at the steady rate again.", UpdateState = WhenRunning });
        if (rate <= 0)
        {
            generator.WithArgs("--paused");
        }

        return generator;
    }

    private static long BurstSize(ExecuteCommandContext context) =>
        context.Arguments?.GetString("records") is { Length: > 0 } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var records)
            ? records
            : 1000;

    private static ResourceCommandState WhenRunning(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> PostAsync(EndpointReference control, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.PostAsync(new Uri(new Uri(control.Url), path), content: null, cancellationToken);
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            return response.IsSuccessStatusCode ? CommandResults.Success(text) : CommandResults.Failure(text);
        }
        catch (HttpRequestException e)
        {
            return CommandResults.Failure($"The generator's control endpoint did not answer: {e.Message}");
        }
    }
}
