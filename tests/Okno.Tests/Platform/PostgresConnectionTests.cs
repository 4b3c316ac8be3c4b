using Npgsql;
using Okno.Platform.Data;

namespace Okno.Tests.Platform;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(DataModule.WithAutoPrepare("Host=db;Database=okno;Username=okno"));
        Assert.Equal(DataModule.AutoPreparedStatements, defaulted.MaxAutoPrepare);
        Assert.Equal(2, defaulted.AutoPrepareMinUsages);
        Assert.Equal("db", defaulted.Host);
        Assert.Equal("okno", defaulted.Database);

        // Explicitly off (a pooler in transaction mode) or another number: the operator's choice stands.
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DataModule.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(DataModule.WithAutoPrepare("Host=db;maxautoprepare=7")).MaxAutoPrepare);
    }
}
