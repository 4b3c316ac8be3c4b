namespace Okno.Platform.Data;

/// <summary>A text column compared byte by byte on every database, so "starts with" can be an index range
/// ([key, key + U+FFFF)): SQLite compares that way by default, PostgreSQL gets the "C" collation for it
/// (<see cref="PostgresOknoDb"/>). For normalised keys (letters and digits), not for text people read sorted.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OrdinalTextAttribute : Attribute;
