// Which profile value answers which form slot (the slot names of the Rust planner, src/fill/slot.rs).
// A profile holds parsed credential items; the planner wants one value per slot.

/** For each credential kind, slot <- item field. */
const SLOTS_BY_KIND = {
  aksk: { accessKeyId: 'accessKeyId', secretAccessKey: 'secretAccessKey' },
  'ibm-api-key': { apiKey: 'apiKey' },
  'ibm-service': { apiKey: 'apiKey', instanceId: 'instanceId', url: 'url' },
  'ibm-instance': { instanceId: 'guid' },
  'azure-sp': { clientId: 'clientId', clientSecret: 'clientSecret', tenantId: 'tenantId', subscriptionId: 'subscriptionId' },
};

/**
 * `{slot: value}` for `planFill`'s profile. The first item that has a slot wins, except the OpenScale
 * instance the user chose for the profile (`openscaleGuid`), which is the one its forms ask for.
 */
export function slotValues(profile) {
  const values = {};
  const offer = (slot, value) => {
    if (typeof value === 'string' && value !== '' && !(slot in values)) values[slot] = value;
  };
  offer('instanceId', profile.openscaleGuid);
  offer('region', profile.region);
  for (const item of profile.credentials ?? []) {
    for (const [slot, field] of Object.entries(SLOTS_BY_KIND[item.kind] ?? {})) offer(slot, item[field]);
  }
  return values;
}
