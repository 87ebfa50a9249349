namespace Pipeline.Aws.Glue;

internal sealed record GetCrawlerOutput(Crawler? Crawler);
