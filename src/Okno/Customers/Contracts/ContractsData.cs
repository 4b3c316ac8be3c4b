using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Customers.Contracts;

/// <summary>The contracts' and price lists' tables on the one database.</summary>
public static class ContractsData
{
    extension(OknoDb db)
    {
        public DbSet<PriceList> PriceLists => db.Set<PriceList>();
        public DbSet<PriceListItem> PriceListItems => db.Set<PriceListItem>();
        public DbSet<Contract> Contracts => db.Set<Contract>();
        public DbSet<ContractPrice> ContractPrices => db.Set<ContractPrice>();
        public DbSet<ContractIncludedItem> ContractIncludedItems => db.Set<ContractIncludedItem>();
    }
}
