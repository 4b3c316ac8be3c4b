namespace Okno.Customers.ServiceObjects;

/// <summary>What kind of place a service object is; stored by member name.</summary>
public enum ServiceObjectKind { Office, Shop, Site, Warehouse, Vehicle, Other }

/// <summary>A place of a client company that the desk serves (a shop, an office, a site, a vehicle): where it is, when
/// and how to get in, who to ask there. Equipment stands at objects; tickets name the object they are about.</summary>
public sealed class ServiceObject : Platform.Search.ISearchable
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int WorkingHoursMaxLength = 500;
    public const int AccessNotesMaxLength = 2000;
    public const int MaxContacts = 20;
    public const string SearchKind = "service_object";

    public long Id { get; set; }
    public long CompanyId { get; set; }
    public Company Company { get; set; } = null!;
    public string Name { get; set; } = "";
    public ServiceObjectKind Kind { get; set; }
    public string? Address { get; set; }
    /// <summary>WGS 84 degrees; both or neither.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Free text ("Mon–Fri 9–18, Sat 10–16"): schedules of real sites have too many exceptions for a grid.</summary>
    public string? WorkingHours { get; set; }
    public string? AccessNotes { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ServiceObjectContact> Contacts { get; set; } = [];

    // The name and the address: an agent types either ("Тверская, 7") into the global search.
    private static readonly string[] SearchedProperties = [nameof(Name), nameof(Address)];
    IReadOnlyCollection<string> Platform.Search.ISearchable.SearchedProperties => SearchedProperties;
    string Platform.Search.ISearchable.SearchKind => SearchKind;
    Platform.Search.SearchDocument Platform.Search.ISearchable.ToSearchDocument() => new(SearchKind, Id, null, "", Name, Address ?? "");
}

/// <summary>A contact to ask for on site (the shop's manager, the guard at the gate).</summary>
public sealed class ServiceObjectContact
{
    public long ServiceObjectId { get; set; }
    public long ContactId { get; set; }
}

/// <summary>A piece of a client's equipment (a till, a printer, a server). <see cref="ServiceObjectId"/> is where it
/// stands, null while it is in stock; moving it writes an <see cref="EquipmentMove"/>.</summary>
public sealed class Equipment : Platform.Search.ISearchable
{
    public const int FieldMaxLength = 200;
    public const int SerialMaxLength = 100;
    public const int NotesMaxLength = 10_000;
    public const int MaxParameters = 50;
    public const int ParameterKeyMaxLength = 100;
    public const int ParameterValueMaxLength = 500;
    public const string SearchKind = "equipment";

    public long Id { get; set; }
    public long CompanyId { get; set; }
    public long? ServiceObjectId { get; set; }
    public ServiceObject? ServiceObject { get; set; }
    public string Type { get; set; } = "";
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    /// <summary>As written on the label.</summary>
    public string? SerialNumber { get; set; }
    /// <summary><see cref="SerialNumber"/> normalised (<see cref="NormalizeSerial"/>): what exact and prefix search compare,
    /// so "SN 12-ab" and "12AB" are one serial.</summary>
    [Platform.Data.OrdinalText]
    public string? SerialKey { get; set; }
    public string? InventoryNumber { get; set; }
    public DateOnly? WarrantyEnd { get; set; }
    /// <summary>Key/value pairs (IP address, firmware…), at most <see cref="MaxParameters"/>, stored as JSON.</summary>
    public List<EquipmentParameter> Parameters { get; set; } = [];
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Upper case, letters and digits only, a leading "S/N" or "SN:" label dropped (a bare "SN" stays: many
    /// serials really start with it).</summary>
    public static string NormalizeSerial(string serial)
    {
        var s = serial.Trim();
        if (s.StartsWith("S/N", StringComparison.OrdinalIgnoreCase) || s.StartsWith("SN:", StringComparison.OrdinalIgnoreCase)) s = s[3..];
        return new string(s.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
    }

    // The serial and the inventory number as words of one entry, the model and maker as its title: the global search finds
    // the equipment by any of them.
    private static readonly string[] SearchedProperties = [nameof(Type), nameof(Manufacturer), nameof(Model), nameof(SerialNumber), nameof(InventoryNumber)];
    IReadOnlyCollection<string> Platform.Search.ISearchable.SearchedProperties => SearchedProperties;
    string Platform.Search.ISearchable.SearchKind => SearchKind;
    Platform.Search.SearchDocument Platform.Search.ISearchable.ToSearchDocument() =>
        new(SearchKind, Id, null, "", string.Join(' ', new[] { Type, Manufacturer, Model }.Where(s => !string.IsNullOrEmpty(s))),
            string.Join(' ', new[] { SerialNumber, SerialKey, InventoryNumber }.Where(s => !string.IsNullOrEmpty(s))));
}

public sealed record EquipmentParameter(string Key, string Value);

/// <summary>Equipment taken from one place to another (null: stock): who, when, why.</summary>
public sealed class EquipmentMove
{
    public const int CommentMaxLength = 1000;
    public long Id { get; set; }
    public long EquipmentId { get; set; }
    public long? FromObjectId { get; set; }
    public long? ToObjectId { get; set; }
    /// <summary>The agent who moved it; null for an import or the system.</summary>
    public long? AgentId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
}
