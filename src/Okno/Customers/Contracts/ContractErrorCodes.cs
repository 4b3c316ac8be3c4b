namespace Okno.Customers.Contracts;

/// <summary>The codes of the errors of price lists and contracts.</summary>
public static class ContractErrorCodes
{
    /// <summary>{id}</summary>
    public const string PriceListNotFound = "price_list.not_found";
    /// <summary>{id}</summary>
    public const string PriceItemNotFound = "price_item.not_found";
    /// <summary>{field}, {value}: the code is taken in this price list.</summary>
    public const string PriceItemCodeTaken = "price_item.code_taken";
    /// <summary>{count}: contracts use the price list.</summary>
    public const string PriceListInUse = "price_list.in_use";
    /// <summary>{id}</summary>
    public const string ContractNotFound = "contract.not_found";
    /// <summary>{field}, {number}: the number is taken in this company.</summary>
    public const string NumberTaken = "contract.number_taken";
    /// <summary>The end is before the start.</summary>
    public const string EndsBeforeStart = "contract.ends_before_start";
    /// <summary>{id}: no such SLA policy.</summary>
    public const string SlaPolicyNotFound = "contract.sla_policy_not_found";
    /// <summary>{id}: the item is not in the contract's price list.</summary>
    public const string ItemNotInPriceList = "contract.item_not_in_price_list";
    /// <summary>{count}: tickets are linked to the contract.</summary>
    public const string ContractInUse = "contract.in_use";
    /// <summary>{id}: the contract is not one of the ticket's company.</summary>
    public const string NotTheTicketsCompany = "contract.not_the_tickets_company";
}
