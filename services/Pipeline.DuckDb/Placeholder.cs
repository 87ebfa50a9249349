namespace Pipeline.DuckDb;
