using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Customers.ServiceObjects;

/// <summary>The service objects' tables on the one database (see <see cref="Tickets.TicketsData"/> for why here).</summary>
public static class ServiceObjectsData
{
    extension(OknoDb db)
    {
        public DbSet<ServiceObject> ServiceObjects => db.Set<ServiceObject>();
        public DbSet<ServiceObjectContact> ServiceObjectContacts => db.Set<ServiceObjectContact>();
        public DbSet<Equipment> Equipment => db.Set<Equipment>();
        public DbSet<EquipmentMove> EquipmentMoves => db.Set<EquipmentMove>();
    }
}
