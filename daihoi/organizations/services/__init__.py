"""Changes to a congress's organisation: the congress itself, issuing offices, agencies and their
groups, people, committees, memberships and duties. Each module holds one subdomain."""
