using System.Globalization;
using Okno.Platform.Localization;

namespace Okno.Tests.Platform;

public sealed class PluralFormsTests
{
    [Theory]
    [InlineData(1, "one")]
    [InlineData(21, "one")]
    [InlineData(101, "one")]
    [InlineData(2, "few")]
    [InlineData(4, "few")]
    [InlineData(22, "few")]
    [InlineData(0, "many")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(12, "many")]
    [InlineData(14, "many")]
    [InlineData(111, "many")]
    [InlineData(5000, "many")]
    public void Russian_counts_take_one_few_or_many(long count, string form) =>
        Assert.Equal(form, PluralForms.Category(count, CultureInfo.GetCultureInfo("ru-RU")));

    [Theory]
    [InlineData(1, "one")]
    [InlineData(0, "other")]
    [InlineData(2, "other")]
    [InlineData(21, "other")]
    public void English_counts_take_one_or_other(long count, string form) =>
        Assert.Equal(form, PluralForms.Category(count, CultureInfo.GetCultureInfo("en-US")));
}
