using System.Reflection;
using Xunit.Sdk;

namespace Okno.Testing;

/// <summary>Runs a data test once on SQLite (the embedded default) and once on PostgreSQL (production), passing
/// "sqlite" or "postgres" as its first argument — for <see cref="OknoFactory.For"/>. Both databases must answer alike
/// (DESIGN.md §7); PostgreSQL comes from scripts/test-deps and a missing server fails loudly.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public static readonly string[] Providers = ["sqlite", "postgres"];

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Providers.Select(p => new object[] { p });
}
