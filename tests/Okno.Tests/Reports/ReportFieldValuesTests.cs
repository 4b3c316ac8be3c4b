using Okno.Reports.Kpi;
using Okno.Tickets.CustomFields;

namespace Okno.Tests.Reports;

/// <summary>Issue 20 "custom fields in the reports": which values a ticket is counted under, from the history's form of a
/// field's value, and how the ticket's report state keeps them.</summary>
public sealed class ReportFieldValuesTests
{
    [Theory]
    [InlineData(CustomFieldType.OneOf, "crm", "crm")]
    [InlineData(CustomFieldType.SeveralOf, "a, b, a", "a|b")]
    [InlineData(CustomFieldType.YesNo, "false", "false")]
    [InlineData(CustomFieldType.OneOf, null, "")]
    [InlineData(CustomFieldType.SeveralOf, "", "")]
    public void A_value_counts_under_each_of_its_options(CustomFieldType type, string? display, string expected) =>
        Assert.Equal(expected, string.Join("|", ReportFieldValues.ValuesOf(type, display)));

    [Theory]
    [InlineData(CustomFieldType.OneOf, true)]
    [InlineData(CustomFieldType.SeveralOf, true)]
    [InlineData(CustomFieldType.YesNo, true)]
    [InlineData(CustomFieldType.Text, false)]
    [InlineData(CustomFieldType.Number, false)]
    [InlineData(CustomFieldType.Date, false)]
    [InlineData(CustomFieldType.CompanyLink, false)]
    public void Only_fields_with_few_values_are_kept(CustomFieldType type, bool kept) => Assert.Equal(kept, ReportFieldValues.IsReportable(type));

    [Fact]
    public void The_state_keeps_the_reportable_fields_values_and_reads_them_back()
    {
        var types = new Dictionary<string, CustomFieldType> { ["product"] = CustomFieldType.OneOf, ["modules"] = CustomFieldType.SeveralOf };
        var encoded = ReportFieldValues.Encode(types, new Dictionary<string, string> { ["product"] = "crm", ["modules"] = "b, a", ["note"] = "free text" });
        Assert.Equal("modules=a\nmodules=b\nproduct=crm", encoded);
        Assert.Equal([("modules", "a"), ("modules", "b"), ("product", "crm")], ReportFieldValues.Decode(encoded));
        Assert.Empty(ReportFieldValues.Decode(""));
    }

    [Theory]
    [InlineData("cf.product", true)]
    [InlineData("cf.", false)]
    [InlineData("cf.Product", false)]
    [InlineData("cf.a=b", false)]
    [InlineData("product", false)]
    public void A_field_is_named_cf_and_its_key(string name, bool valid) => Assert.Equal(valid, ReportFieldValues.IsFieldName(name));

    [Fact]
    public void The_ledger_moves_an_open_tickets_backlog_to_its_new_value_and_counts_creation_under_the_first()
    {
        var ledger = new ReportLedger(TimeZoneInfo.Utc, null, new Dictionary<string, CustomFieldType> { ["product"] = CustomFieldType.OneOf });
        var deltas = new FactDeltas();
        var at = new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.Zero);
        var created = new Okno.Tickets.Events.TicketCreated(0, "", "api", 0)
        {
            TicketId = 1, TicketVersion = 1, At = at, After = new Okno.Tickets.Events.TicketRouting(Okno.Tickets.TicketStatus.New, null, null),
        };
        var state = ledger.Start(created, new InitialFacts("api", null, default, default, [], at, null, null)
            { Fields = new Dictionary<string, string> { ["product"] = "erp" } }, deltas);
        ledger.Apply(new Okno.Tickets.Events.TicketCustomFieldChanged("product", "erp", "crm") { TicketId = 1, TicketVersion = 2, At = at.AddHours(1) }, state, deltas);
        // A field the reports do not keep moves nothing.
        ledger.Apply(new Okno.Tickets.Events.TicketCustomFieldChanged("note", null, "x") { TicketId = 1, TicketVersion = 3, At = at.AddHours(1) }, state, deltas);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        Assert.Equal((1, 0), (deltas.Field(day, "product", "erp").Created, deltas.Field(day, "product", "erp").BacklogDelta));
        Assert.Equal((0, 1), (deltas.Field(day, "product", "crm").Created, deltas.Field(day, "product", "crm").BacklogDelta));
        Assert.Equal("product=crm", state.Fields);
    }
}
