"""cchc-site: static sites for administrative-reform transparency pages."""
