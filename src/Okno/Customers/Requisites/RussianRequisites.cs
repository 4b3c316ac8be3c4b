using Okno.Platform.Web;

namespace Okno.Customers.Requisites;

/// <summary>Checks of Russian company requisites, as pure functions: the format of each number and its check digits
/// (INN and OGRN/OGRNIP by the tax service's rules, bank accounts against the BIK by the Central Bank's key algorithm).
/// One place, so the API, the UI and later the import check alike.</summary>
public static class RussianRequisites
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11Weights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] AccountWeights = [7, 1, 3];

    public static bool IsDigits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);

    /// <summary>A 10-digit INN (a legal entity) or a 12-digit one (an individual entrepreneur or a person) whose check
    /// digits match.</summary>
    public static bool IsValidInn(string inn) => inn.Length switch
    {
        10 => IsDigits(inn, 10) && CheckDigit(inn, Inn10Weights) == inn[9] - '0',
        12 => IsDigits(inn, 12) && CheckDigit(inn, Inn11Weights) == inn[10] - '0' && CheckDigit(inn, Inn12Weights) == inn[11] - '0',
        _ => false,
    };

    /// <summary>NNNN PP NNN: the tax office (4 digits), the reason (2 digits or capital Latin letters), a number (3 digits).
    /// A KPP has no check digit.</summary>
    public static bool IsValidKpp(string kpp) =>
        kpp.Length == 9 && kpp[..4].All(char.IsAsciiDigit) && kpp[4..6].All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'Z')
        && kpp[6..].All(char.IsAsciiDigit);

    /// <summary>A 13-digit OGRN (the first 12 digits mod 11, then mod 10, is the last) or a 15-digit OGRNIP (the first
    /// 14 mod 13, then mod 10).</summary>
    public static bool IsValidOgrn(string ogrn) => ogrn.Length switch
    {
        13 => IsDigits(ogrn, 13) && long.Parse(ogrn[..12]) % 11 % 10 == ogrn[12] - '0',
        15 => IsDigits(ogrn, 15) && long.Parse(ogrn[..14]) % 13 % 10 == ogrn[14] - '0',
        _ => false,
    };

    /// <summary>A settlement account at a credit institution: the BIK's last three digits before the 20 account
    /// digits, weighted 7-1-3, sum to a multiple of 10.</summary>
    public static bool IsValidSettlementAccount(string account, string bik) =>
        IsDigits(account, 20) && IsDigits(bik, 9) && KeyMatches(bik[6..] + account);

    /// <summary>A correspondent account: "0" and the BIK's 5th and 6th digits before the account, weighted 7-1-3.</summary>
    public static bool IsValidCorrespondentAccount(string account, string bik) =>
        IsDigits(account, 20) && IsDigits(bik, 9) && KeyMatches("0" + bik[4..6] + account);

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (digits[i] - '0') * weights[i];
        return sum % 11 % 10;
    }

    private static bool KeyMatches(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[i] - '0') * AccountWeights[i % 3] % 10;
        return sum % 10 == 0;
    }

    /// <summary>Every problem of <paramref name="r"/> (already trimmed, blanks as null), under <paramref name="prefix"/>
    /// + the field's API name. The numbers are checked together where they depend on each other: a KPP and a 13-digit
    /// OGRN belong to a legal entity (10-digit INN), a 15-digit OGRNIP to an entrepreneur (12-digit INN); an account is
    /// checked against the BIK, which it then needs.</summary>
    public static void Validate(CompanyRequisites r, FieldErrors errors, string prefix = "")
    {
        errors.Text(prefix + "fullName", r.FullName, CompanyRequisites.NameMaxLength, required: false);
        errors.Text(prefix + "legalAddress", r.LegalAddress, CompanyRequisites.AddressMaxLength, required: false);
        errors.Text(prefix + "postalAddress", r.PostalAddress, CompanyRequisites.AddressMaxLength, required: false);
        errors.Text(prefix + "bankName", r.BankName, CompanyRequisites.NameMaxLength, required: false);

        var inn = r.Inn;
        if (inn is not null)
        {
            if (!(IsDigits(inn, 10) || IsDigits(inn, 12)))
                errors.Add(prefix + "inn", RequisiteErrorCodes.InvalidInn, "An INN has 10 digits (a company) or 12 (an entrepreneur).");
            else if (!IsValidInn(inn))
                errors.Add(prefix + "inn", RequisiteErrorCodes.InnCheckDigit, "The INN's check digits do not match: check the number.");
        }
        if (r.Kpp is { } kpp)
        {
            if (!IsValidKpp(kpp))
                errors.Add(prefix + "kpp", RequisiteErrorCodes.InvalidKpp, "A KPP is 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits.");
            else if (inn is { Length: 12 })
                errors.Add(prefix + "kpp", RequisiteErrorCodes.KppOfEntrepreneur, "An entrepreneur (a 12-digit INN) has no KPP.");
        }
        if (r.Ogrn is { } ogrn)
        {
            if (!(IsDigits(ogrn, 13) || IsDigits(ogrn, 15)))
                errors.Add(prefix + "ogrn", RequisiteErrorCodes.InvalidOgrn, "An OGRN has 13 digits, an entrepreneur's OGRNIP 15.");
            else if (!IsValidOgrn(ogrn))
                errors.Add(prefix + "ogrn", RequisiteErrorCodes.OgrnCheckDigit, "The OGRN's check digit does not match: check the number.");
            else if (inn is { Length: 10 or 12 } && (inn.Length == 10) != (ogrn.Length == 13))
                errors.Add(prefix + "ogrn", RequisiteErrorCodes.OgrnKindMismatch,
                    "A 13-digit OGRN goes with a 10-digit INN, a 15-digit OGRNIP with a 12-digit one.");
        }
        var bikValid = false;
        if (r.Bik is { } bik)
        {
            bikValid = IsDigits(bik, 9);
            if (!bikValid) errors.Add(prefix + "bik", RequisiteErrorCodes.InvalidBik, "A BIK has 9 digits.");
        }
        Account("settlementAccount", r.SettlementAccount, IsValidSettlementAccount);
        Account("correspondentAccount", r.CorrespondentAccount, IsValidCorrespondentAccount);

        void Account(string field, string? account, Func<string, string, bool> valid)
        {
            if (account is null) return;
            if (!IsDigits(account, 20))
                errors.Add(prefix + field, RequisiteErrorCodes.InvalidAccount, "An account number has 20 digits.");
            else if (r.Bik is null)
            {
                if (!errors.Has(prefix + "bik"))
                    errors.Add(prefix + "bik", RequisiteErrorCodes.BikRequired, "Give the bank's BIK: the account is checked against it.");
            }
            else if (bikValid && !valid(account, r.Bik))
                errors.Add(prefix + field, RequisiteErrorCodes.AccountCheckDigit, "The account's key digit does not match the BIK: check both.");
        }
    }
}

/// <summary>A company's requisites as the API and the form give them: each field optional.</summary>
public sealed record CompanyRequisites(string? FullName = null, string? Inn = null, string? Kpp = null, string? Ogrn = null,
    string? LegalAddress = null, string? PostalAddress = null, string? BankName = null, string? Bik = null,
    string? SettlementAccount = null, string? CorrespondentAccount = null)
{
    public const int NameMaxLength = 500;
    public const int AddressMaxLength = 500;

    /// <summary>Trimmed, blanks as null; the numbers without the spaces people type into them, KPP letters upper-cased.</summary>
    public CompanyRequisites Normalized() => new(Text(FullName), Number(Inn), Number(Kpp)?.ToUpperInvariant(), Number(Ogrn),
        Text(LegalAddress), Text(PostalAddress), Text(BankName), Number(Bik), Number(SettlementAccount), Number(CorrespondentAccount));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Number(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new string(value.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}

/// <summary>The codes of the requisites' field errors.</summary>
public static class RequisiteErrorCodes
{
    public const string InvalidInn = "requisites.invalid_inn";
    public const string InnCheckDigit = "requisites.inn_check_digit";
    public const string InvalidKpp = "requisites.invalid_kpp";
    public const string KppOfEntrepreneur = "requisites.kpp_of_entrepreneur";
    public const string InvalidOgrn = "requisites.invalid_ogrn";
    public const string OgrnCheckDigit = "requisites.ogrn_check_digit";
    public const string OgrnKindMismatch = "requisites.ogrn_kind_mismatch";
    public const string InvalidBik = "requisites.invalid_bik";
    public const string BikRequired = "requisites.bik_required";
    public const string InvalidAccount = "requisites.invalid_account";
    public const string AccountCheckDigit = "requisites.account_check_digit";
}
