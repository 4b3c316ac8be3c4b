using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Customers;

/// <summary>The Customers section's tables on the one database (see <see cref="Tickets.TicketsData"/> for why here).</summary>
public static class CustomersData
{
    extension(OknoDb db)
    {
        public DbSet<Contact> Contacts => db.Set<Contact>();
        public DbSet<ContactEmail> ContactEmails => db.Set<ContactEmail>();
        public DbSet<ContactPhone> ContactPhones => db.Set<ContactPhone>();
        public DbSet<ContactExternalId> ContactExternalIds => db.Set<ContactExternalId>();
        public DbSet<Company> Companies => db.Set<Company>();
        public DbSet<Requisites.CompanyDomain> CompanyDomains => db.Set<Requisites.CompanyDomain>();
        public DbSet<Requisites.ContactCompany> ContactCompanies => db.Set<Requisites.ContactCompany>();
    }
}
