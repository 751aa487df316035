/**
 * The baseline each exception type departs from, so auditors see which control is being excepted.
 * Identifiers are the published ones: CIS Critical Security Controls v8 safeguards, ISO/IEC 27001:2022 Annex A
 * controls, and the AICPA 2017 Trust Services Criteria (SOC 2) common criteria.
 */
import type { ExceptionType } from './vocabulary';

export interface ControlReference {
  readonly id: string;
  readonly title: string;
}

export interface ControlMapping {
  readonly cisV8: readonly ControlReference[];
  readonly iso27001: readonly ControlReference[];
  readonly soc2: readonly ControlReference[];
}

export const CONTROL_MAPPING: Readonly<Record<ExceptionType, ControlMapping>> = {
  'MFA bypass': {
    cisV8: [
      { id: '6.3', title: 'Require MFA for Externally-Exposed Applications' },
      { id: '6.4', title: 'Require MFA for Remote Network Access' },
      { id: '6.5', title: 'Require MFA for Administrative Access' },
    ],
    iso27001: [{ id: 'A.8.5', title: 'Secure authentication' }],
    soc2: [{ id: 'CC6.1', title: 'Logical access security software, infrastructure and architectures' }],
  },
  'Firewall rule': {
    cisV8: [
      { id: '4.4', title: 'Implement and Manage a Firewall on Servers' },
      { id: '13.4', title: 'Perform Traffic Filtering Between Network Segments' },
    ],
    iso27001: [
      { id: 'A.8.20', title: 'Networks security' },
      { id: 'A.8.22', title: 'Segregation of networks' },
    ],
    soc2: [
      {
        id: 'CC6.6',
        title: 'Logical access security measures against threats from outside system boundaries',
      },
    ],
  },
  'Vulnerability patch delay': {
    cisV8: [
      { id: '7.3', title: 'Perform Automated Operating System Patch Management' },
      { id: '7.4', title: 'Perform Automated Application Patch Management' },
      { id: '7.7', title: 'Remediate Detected Vulnerabilities' },
    ],
    iso27001: [{ id: 'A.8.8', title: 'Management of technical vulnerabilities' }],
    soc2: [
      { id: 'CC7.1', title: 'Detection and monitoring of configuration changes and new vulnerabilities' },
    ],
  },
  'Endpoint control gap': {
    cisV8: [
      { id: '10.1', title: 'Deploy and Maintain Anti-Malware Software' },
      { id: '3.6', title: 'Encrypt Data on End-User Devices' },
    ],
    iso27001: [
      { id: 'A.8.1', title: 'User endpoint devices' },
      { id: 'A.8.7', title: 'Protection against malware' },
    ],
    soc2: [{ id: 'CC6.8', title: 'Prevention or detection of unauthorized or malicious software' }],
  },
  'Third-party / vendor access': {
    cisV8: [
      { id: '15.4', title: 'Ensure Service Provider Contracts Include Security Requirements' },
      { id: '6.1', title: 'Establish an Access Granting Process' },
    ],
    iso27001: [
      { id: 'A.5.19', title: 'Information security in supplier relationships' },
      { id: 'A.5.20', title: 'Addressing information security within supplier agreements' },
    ],
    soc2: [
      {
        id: 'CC9.2',
        title: 'Assessment and management of risks associated with vendors and business partners',
      },
    ],
  },
  'Legacy system support': {
    cisV8: [{ id: '2.2', title: 'Ensure Authorized Software is Currently Supported' }],
    iso27001: [
      { id: 'A.8.8', title: 'Management of technical vulnerabilities' },
      { id: 'A.8.9', title: 'Configuration management' },
    ],
    soc2: [
      { id: 'CC7.1', title: 'Detection and monitoring of configuration changes and new vulnerabilities' },
    ],
  },
  Other: {
    cisV8: [{ id: '4.1', title: 'Establish and Maintain a Secure Configuration Process' }],
    iso27001: [
      { id: 'A.5.36', title: 'Compliance with policies, rules and standards for information security' },
    ],
    soc2: [{ id: 'CC5.3', title: 'Deployment of control activities through policies and procedures' }],
  },
};

/** One line per framework, e.g. `CIS v8 6.3, 6.5`, as used in the CSV export and the issue panel. */
export const describeMapping = (
  mapping: ControlMapping,
): { cisV8: string; iso27001: string; soc2: string } => ({
  cisV8: mapping.cisV8.map((control) => control.id).join(', '),
  iso27001: mapping.iso27001.map((control) => control.id).join(', '),
  soc2: mapping.soc2.map((control) => control.id).join(', '),
});
