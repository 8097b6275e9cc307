// The popup lists the profiles for the console in the current tab first. Which profile "matches" a
// tab is a question for the fill capability (its `matchConsole`); until a better judge is plugged
// in, a profile matches by its provider's console host, and better still when the tab's URL names
// its region (Huawei and Flexible Engine consoles carry `region=` in the URL).

const CONSOLE_HOSTS = {
  huawei: ['console.huaweicloud.com', 'console-intl.huaweicloud.com', 'console.eu.huaweicloud.com'],
  'flexible-engine': ['console.prod-cloud-ocb.orange-business.com'],
  ibm: ['cloud.ibm.com'],
  aws: ['console.aws.amazon.com'],
  azure: ['portal.azure.com', 'ml.azure.com'],
};

const onHost = (host, base) => host === base || host.endsWith(`.${base}`);

/** A scorer for `url`: 0 = other console, 1 = same provider, 2 = same provider and region. */
export function consoleScorer(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return () => 0;
  }
  const region = parsed.searchParams.get('region') ?? new URLSearchParams(parsed.hash.split('?')[1] ?? '').get('region');
  return (profile) => {
    if (!(CONSOLE_HOSTS[profile.provider] ?? []).some((base) => onHost(parsed.hostname, base))) return 0;
    return region && profile.region === region ? 2 : 1;
  };
}

/** `profiles` with the best-scored first; equal scores keep the user's order. */
export function orderProfiles(profiles, score) {
  return profiles
    .map((profile, index) => ({ profile, index, score: score(profile) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ profile, score }) => ({ ...profile, matchesTab: score > 0 }));
}
