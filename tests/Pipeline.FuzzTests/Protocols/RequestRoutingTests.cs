using System.Net;
using CsCheck;
using Pipeline.FuzzTests.Support;

namespace Pipeline.FuzzTests.Protocols;

/// <summary>
/// LocalCloud's request routing and parsing for each protocol, through a real in-process server: mutated awsJson
/// 1.0/1.1 requests (Firehose, SQS, Glue, Athena, EventBridge), awsQuery requests (SNS, SQS) and restXml requests (S3,
/// including aws-chunked bodies), with headers that steer them to other services and protocols. Every answer is a
/// success or AWS's error shape, never a 500, a stack trace or a hang. Lambda's restJson is left out: its operations
/// start function processes.
/// </summary>
public sealed class RequestRoutingTests(RequestRoutingTests.Server server) : IClassFixture<RequestRoutingTests.Server>
{
    public static IEnumerable<object[]> Corpus() =>
        RepositoryFiles.CorpusFiles("protocols").Select(f => new object[] { f.Name });

    [Fact]
    public void The_seeds_get_an_AWS_answer()
    {
        foreach (var seed in ProtocolSeeds.Json10And11.Concat(ProtocolSeeds.QueryProtocol).Concat(ProtocolSeeds.RestXml))
        {
            ProtocolFuzzing.Check(server.Host, seed);
        }
    }

    [Fact]
    public void Any_json_request_gets_an_AWS_answer() =>
        ProtocolFuzzing.Mutated(ProtocolSeeds.Json10And11)
            .Sample(input => ProtocolFuzzing.Check(server.Host, input), time: FuzzBudget.Seconds(0.4), threads: 1);

    [Fact]
    public void Any_query_request_gets_an_AWS_answer() =>
        ProtocolFuzzing.Mutated(ProtocolSeeds.QueryProtocol)
            .Sample(input => ProtocolFuzzing.Check(server.Host, input), time: FuzzBudget.Seconds(0.25), threads: 1);

    [Fact]
    public void Any_rest_xml_request_gets_an_AWS_answer() =>
        ProtocolFuzzing.Mutated(ProtocolSeeds.RestXml)
            .Sample(input => ProtocolFuzzing.Check(server.Host, input), time: FuzzBudget.Seconds(0.35), threads: 1);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_requests_get_an_AWS_answer(string name)
    {
        var text = System.Text.Encoding.UTF8.GetString(RepositoryFiles.CorpusFiles("protocols").Single(f => f.Name == name).Bytes);
        ProtocolFuzzing.Check(server.Host, HttpCase.Parse(text));
    }

    /// <summary>LocalCloud with the resources the seeds name.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public LocalCloudHost Host { get; } = new();

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            foreach (var setup in ProtocolSeeds.Setup)
            {
                var input = setup.WithEndpoint(Host.Endpoint);
                using var request = new HttpRequestMessage(new HttpMethod(input.Method), new Uri(Host.Endpoint, input.Target)) { Content = new ByteArrayContent(input.Body) };
                foreach (var (name, value) in input.Headers)
                {
                    if (!request.Headers.TryAddWithoutValidation(name, value))
                    {
                        request.Content.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                using var response = await Host.Client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Setup request {input} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }
}
