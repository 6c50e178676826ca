From: dmarcreport@microsoft.com
To: dmarc-reports@example.com
Subject:
 Report Domain: example.com Submitter: microsoft.com Report-ID: <o-0001>
Date: Thu, 02 Jan 2025 00:10:00 +0000
Message-ID: <o-0001@microsoft.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="===============1100843693291752018=="

--===============1100843693291752018==
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 7bit

This is an aggregate report from microsoft.com.

--===============1100843693291752018==
Content-Type: application/gzip
Content-Transfer-Encoding: base64
Content-Disposition: attachment;
 filename*0*=us-ascii''enterprise.protection.outlook.com%21example.com%211735;
 filename*1*=689600%211735776000.xml.gz
MIME-Version: 1.0

H4sIAAAAAAACA+1YTY+bMBC976+Icl++kpCAvN5e2lOrHtpKvSFjD4m1YFPbbLb/viYGQrKfrdRV
m82F4DcPz8zzw3GCru+qcnILSnMprqahF0wnIKhkXKyvpt++f