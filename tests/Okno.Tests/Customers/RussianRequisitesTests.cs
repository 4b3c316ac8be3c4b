using Okno.Customers.Requisites;
using Okno.Platform.Web;

namespace Okno.Tests.Customers;

/// <summary>The requisites' check digits, on real companies' numbers (Sberbank, Yandex, T-Bank) and on the same numbers
/// with one digit changed.</summary>
public sealed class RussianRequisitesTests
{
    [Theory]
    [InlineData("7707083893", true)]     // Sberbank
    [InlineData("7736207543", true)]     // Yandex
    [InlineData("7710140679", true)]     // T-Bank
    [InlineData("500100732259", true)]   // an entrepreneur, both check digits
    [InlineData("7707083894", false)]    // last digit changed
    [InlineData("7707083993", false)]    // a body digit changed
    [InlineData("500100732258", false)]  // the 12th digit wrong
    [InlineData("500100732359", false)]  // the 11th digit wrong
    [InlineData("770708389", false)]     // 9 digits
    [InlineData("77070838931", false)]   // 11 digits
    [InlineData("77070838a3", false)]
    public void Inn_check_digits(string inn, bool valid) => Assert.Equal(valid, RussianRequisites.IsValidInn(inn));

    [Theory]
    [InlineData("1027700132195", true)]   // Sberbank's OGRN
    [InlineData("1027700229193", true)]   // Yandex
    [InlineData("1027739642281", true)]   // T-Bank
    [InlineData("304500116000157", true)] // an OGRNIP (mod 13)
    [InlineData("1027700132196", false)]
    [InlineData("1027700132295", false)]
    [InlineData("304500116000158", false)]
    [InlineData("304500116001157", false)]
    [InlineData("10277001321950", false)]
    public void Ogrn_and_ogrnip_check_digits(string ogrn, bool valid) => Assert.Equal(valid, RussianRequisites.IsValidOgrn(ogrn));

    [Theory]
    [InlineData("773601001", true)]
    [InlineData("7736AB001", true)]
    [InlineData("7736ab001", false)]
    [InlineData("77360100", false)]
    [InlineData("A73601001", false)]
    [InlineData("77360100Z", false)]
    public void Kpp_format(string kpp, bool valid) => Assert.Equal(valid, RussianRequisites.IsValidKpp(kpp));

    [Theory]
    [InlineData("30101810400000000225", "044525225", true)]   // Sberbank's correspondent account
    [InlineData("30101810145250000974", "044525974", true)]   // T-Bank's
    [InlineData("30101810400000000226", "044525225", false)]
    [InlineData("30101810400000000225", "044030653", false)]  // a BIK of another region (its 5th-6th digits differ)
    [InlineData("30101810500000000653", "044030653", true)]   // Sberbank St Petersburg
    public void Correspondent_account_key_against_the_bik(string account, string bik, bool valid) =>
        Assert.Equal(valid, RussianRequisites.IsValidCorrespondentAccount(account, bik));

    [Theory]
    [InlineData("40702810938000000001", "044525225", true)]
    [InlineData("40702810380000030001", "044525225", true)]
    [InlineData("40702810938000000002", "044525225", false)]
    [InlineData("40702810938000000001", "044525974", false)]
    [InlineData("4070281093800000000", "044525225", false)]
    public void Settlement_account_key_against_the_bik(string account, string bik, bool valid) =>
        Assert.Equal(valid, RussianRequisites.IsValidSettlementAccount(account, bik));

    private static Dictionary<string, string[]> Codes(CompanyRequisites requisites)
    {
        var errors = new FieldErrors();
        RussianRequisites.Validate(requisites.Normalized(), errors, "requisites.");
        if (!errors.Any) return [];
        var e = Assert.Throws<OknoException>(errors.ThrowIfAny);
        return ((InvalidInput)e.Error).Fields.ToDictionary(f => f.Key, f => f.Value.Select(v => v.Code).ToArray());
    }

    [Fact]
    public void A_whole_real_set_of_requisites_is_valid_and_spaces_in_numbers_are_ignored() =>
        Assert.Empty(Codes(new("ПАО Сбербанк", "7707 083 893", "773601001", "1027700132195", "Москва, ул. Вавилова, 19", null, "ПАО Сбербанк",
            "044525225", "40702 810 9 3800 0000001", "30101-810-4-0000-0000225")));

    [Fact]
    public void Each_bad_field_is_named_with_its_code()
    {
        var codes = Codes(new(Inn: "7707083894", Kpp: "77360", Ogrn: "1027700132196", Bik: "04452522", SettlementAccount: "123"));
        Assert.Equal([RequisiteErrorCodes.InnCheckDigit], codes["requisites.inn"]);
        Assert.Equal([RequisiteErrorCodes.InvalidKpp], codes["requisites.kpp"]);
        Assert.Equal([RequisiteErrorCodes.OgrnCheckDigit], codes["requisites.ogrn"]);
        Assert.Equal([RequisiteErrorCodes.InvalidBik], codes["requisites.bik"]);
        Assert.Equal([RequisiteErrorCodes.InvalidAccount], codes["requisites.settlementAccount"]);
    }

    [Fact]
    public void An_entrepreneur_has_no_kpp_and_an_ogrnip_not_an_ogrn()
    {
        var codes = Codes(new(Inn: "500100732259", Kpp: "773601001", Ogrn: "1027700132195"));
        Assert.Equal([RequisiteErrorCodes.KppOfEntrepreneur], codes["requisites.kpp"]);
        Assert.Equal([RequisiteErrorCodes.OgrnKindMismatch], codes["requisites.ogrn"]);
        Assert.Empty(Codes(new(Inn: "500100732259", Ogrn: "304500116000157")));
    }

    [Fact]
    public void An_account_needs_the_bik_and_must_match_it()
    {
        Assert.Equal([RequisiteErrorCodes.BikRequired], Codes(new(SettlementAccount: "40702810938000000001"))["requisites.bik"]);
        Assert.Equal([RequisiteErrorCodes.AccountCheckDigit],
            Codes(new(Bik: "044525974", SettlementAccount: "40702810938000000001"))["requisites.settlementAccount"]);
    }
}
