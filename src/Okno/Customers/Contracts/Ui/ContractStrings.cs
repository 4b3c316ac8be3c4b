namespace Okno.Customers.Contracts.Ui;

/// <summary>Marker for the contracts' and price lists' resources (ContractStrings.resx, ContractStrings.ru.resx).</summary>
public sealed class ContractStrings;
